from django.contrib import admin

from luoshi.units.models import Unit


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "kind", "parent", "is_public", "archived")
    list_filter = ("kind", "is_public", "archived")
    search_fields = ("name", "short_name", "code")
