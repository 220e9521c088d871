"""系统管理: notices are read here, never written (they come from events and `luoshi remind`)."""

from django.contrib import admin

from luoshi.core import admin as core_admin
from luoshi.notices.models import Notification


@admin.register(Notification)
class NotificationAdmin(core_admin.ModelAdmin):
    list_display = ("day", "recipient", "title", "emailed", "read_at")
    list_filter = ("day", "emailed")
    readonly_fields = ("recipient", "unit", "key", "day", "title", "body", "link", "emailed", "read_at")
