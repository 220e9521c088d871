from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from luoshi.accounts.models import ApiToken, User
from luoshi.core import admin as core_admin


@admin.register(User)
class UserAdmin(core_admin.ArchiveNotDelete, BaseUserAdmin):
    list_display = ("username", "display_name", "role", "unit", "is_active")
    list_filter = ("role", "is_active", "unit")
    fieldsets = BaseUserAdmin.fieldsets + (("落实", {"fields": ("display_name", "role", "unit")}),)
    add_fieldsets = BaseUserAdmin.add_fieldsets + (("落实", {"fields": ("display_name", "role", "unit")}),)


@admin.register(ApiToken)
class ApiTokenAdmin(core_admin.ModelAdmin):
    list_display = ("user", "name", "prefix", "created", "last_used", "revoked")
    list_filter = ("revoked",)
    readonly_fields = ("prefix", "created", "last_used")
