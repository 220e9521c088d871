from django.contrib import admin

from luoshi.core import admin as core_admin
from luoshi.units.models import Unit


@admin.register(Unit)
class UnitAdmin(core_admin.ModelAdmin):
    list_display = ("name", "code", "kind", "parent", "is_public", "archived")
    list_filter = ("kind", "is_public", "archived")
    search_fields = ("name", "short_name", "code")
