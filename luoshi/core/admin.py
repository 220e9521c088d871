from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from luoshi.core.models import ObjectChange


class ArchiveNotDelete:
    """系统管理 deletes nothing people entered (no delete view, action or inline box): archive instead.

    Every ModelAdmin and inline of Luoshi's models builds on it; models with an `archived` field get the
    action 归档所选, one logged save per row.
    """

    def has_delete_permission(self, request, obj=None):
        return False

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not any(f.name == "archived" for f in self.model._meta.fields):
            actions.pop("archive_selected", None)
        return actions

    @admin.action(description=_("归档所选"), permissions=["change"])
    def archive_selected(self, request, queryset):
        rows = [row for row in queryset if not row.archived]
        for row in rows:
            row.archived = True
            row.save()
        self.message_user(request, _("已归档 %(n)d 条(归档后仍可查看和恢复)") % {"n": len(rows)}, messages.SUCCESS)

    actions = ["archive_selected"]


class ModelAdmin(ArchiveNotDelete, admin.ModelAdmin):
    pass


class TabularInline(ArchiveNotDelete, admin.TabularInline):
    pass


@admin.register(ObjectChange)
class ObjectChangeAdmin(ModelAdmin):
    list_display = ("time", "user_name", "action", "changed_object_type", "object_repr", "unit", "request_id")
    list_filter = ("action", "changed_object_type")
    search_fields = ("object_repr", "user_name")
    readonly_fields = [f.name for f in ObjectChange._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
