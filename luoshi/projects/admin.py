"""系统管理: key projects, their plan, contacts and batches; history rows are read-only."""

from django.contrib import admin

from luoshi.core import admin as core_admin
from luoshi.projects.models import (
    Batch,
    BatchMembership,
    Contact,
    Obstacle,
    ObstacleStep,
    PlannedInvestment,
    Project,
    StageChange,
)


class PlannedInline(core_admin.TabularInline):
    model = PlannedInvestment
    extra = 0


class ContactInline(core_admin.TabularInline):
    model = Contact
    extra = 0


class StageChangeInline(core_admin.TabularInline):
    """阶段变更 are history: shown, never edited here (use the project page)."""

    model = StageChange
    extra = 0
    readonly_fields = ("from_stage", "to_stage", "date", "note", "by_name", "at")
    exclude = ("by",)

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Project)
class ProjectAdmin(core_admin.ModelAdmin):
    list_display = ("code", "name", "owner", "department", "stage", "stage_date", "simulated", "archived")
    list_filter = ("stage", "owner", "simulated", "archived")
    search_fields = ("code", "name")
    readonly_fields = ("stage", "stage_date")
    filter_horizontal = ("targets",)
    inlines = [PlannedInline, ContactInline, StageChangeInline]


class MembershipInline(core_admin.TabularInline):
    model = BatchMembership
    extra = 0
    readonly_fields = ("added_by_name", "added_at")


@admin.register(Batch)
class BatchAdmin(core_admin.ModelAdmin):
    list_display = ("name", "kind", "date")
    list_filter = ("kind",)
    inlines = [MembershipInline]


class ObstacleStepInline(core_admin.TabularInline):
    model = ObstacleStep
    extra = 0
    readonly_fields = ("action", "note", "by_name", "by_unit", "at")
    exclude = ("by",)

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Obstacle)
class ObstacleAdmin(core_admin.ModelAdmin):
    """堵点 move through their workflow on the project pages; here they are only read."""

    list_display = ("project", "category", "status", "department", "due")
    list_filter = ("status", "category")
    readonly_fields = ("project", "category", "description", "status", "department", "due", "answer")
    inlines = [ObstacleStepInline]

    def has_add_permission(self, request):
        return False
