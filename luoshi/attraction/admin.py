"""系统管理: task forces, events and leads; a lead's steps are history, shown read-only (its paid-in funds are
figures, under 数据)."""

from django.contrib import admin

from luoshi.attraction.models import Event, Lead, LeadStep, TaskForce
from luoshi.core import admin as core_admin


@admin.register(TaskForce)
class TaskForceAdmin(core_admin.ModelAdmin):
    list_display = ("name", "leader", "lead_department", "archived")
    list_filter = ("archived",)
    filter_horizontal = ("members", "regions", "chains")


@admin.register(Event)
class EventAdmin(core_admin.ModelAdmin):
    list_display = ("name", "kind", "date", "place", "organizer", "task_force", "simulated", "archived")
    list_filter = ("kind", "simulated", "archived")


class StepInline(core_admin.TabularInline):
    model = LeadStep
    extra = 0
    exclude = ("by",)

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Lead)
class LeadAdmin(core_admin.ModelAdmin):
    """Stages move on the lead's page (dated, checked); here only the lead's own facts."""

    list_display = ("name", "company", "task_force", "unit", "stage", "stage_date", "signed_investment", "simulated")
    list_filter = ("stage", "task_force", "simulated", "archived")
    readonly_fields = ("code", "stage", "stage_date", "project")
    inlines = [StepInline]
