"""系统管理: the time-limit classes (data, not code); tasks are read here."""

from django.contrib import admin

from luoshi.core import admin as core_admin
from luoshi.tasks.models import Task, TaskStep, TimeLimitClass


@admin.register(TimeLimitClass)
class TimeLimitClassAdmin(core_admin.ModelAdmin):
    list_display = ("name", "code", "days", "order")


class StepInline(core_admin.TabularInline):
    model = TaskStep
    extra = 0
    readonly_fields = ("action", "from_status", "to_status", "note", "by_name", "by_unit", "at")
    exclude = ("by",)

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Task)
class TaskAdmin(core_admin.ModelAdmin):
    """督办事项 move through their workflow on the task pages; here only their descriptive fields change."""

    list_display = ("title", "lead_unit", "status", "deadline", "time_limit", "assigned_by", "simulated")
    list_filter = ("status", "lead_unit", "time_limit", "simulated")
    search_fields = ("title",)
    readonly_fields = ("status", "received_at", "done_at", "assigned_by")
    filter_horizontal = ("co_units",)
    inlines = [StepInline]
