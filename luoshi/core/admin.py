from django.contrib import admin

from luoshi.core.models import ObjectChange


@admin.register(ObjectChange)
class ObjectChangeAdmin(admin.ModelAdmin):
    list_display = ("time", "user_name", "action", "changed_object_type", "object_repr", "request_id")
    list_filter = ("action", "changed_object_type")
    search_fields = ("object_repr", "user_name")
    readonly_fields = [f.name for f in ObjectChange._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
