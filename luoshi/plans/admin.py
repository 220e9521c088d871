from django.contrib import admin

from luoshi.core import admin as core_admin
from luoshi.plans.models import Assignment, Front, Plan, Target


class FrontInline(core_admin.TabularInline):
    model = Front
    extra = 0


@admin.register(Plan)
class PlanAdmin(core_admin.ModelAdmin):
    list_display = ("title", "year", "region", "status", "archived")
    list_filter = ("status", "year", "archived")
    search_fields = ("title", "region")
    inlines = [FrontInline]


class AssignmentInline(core_admin.TabularInline):
    model = Assignment
    extra = 0


@admin.register(Target)
class TargetAdmin(core_admin.ModelAdmin):
    list_display = ("indicator", "plan", "front", "kind", "value", "unit_of_measure", "period", "bound",
                    "commitment", "owner")
    list_filter = ("plan", "kind", "commitment", "archived")
    search_fields = ("indicator",)
    inlines = [AssignmentInline]


@admin.register(Assignment)
class AssignmentAdmin(core_admin.ModelAdmin):
    list_display = ("target", "unit", "value")
    list_filter = ("unit",)
