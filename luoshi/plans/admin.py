from django.contrib import admin

from luoshi.plans.models import Assignment, Front, Plan, Target


class FrontInline(admin.TabularInline):
    model = Front
    extra = 0


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ("title", "year", "region", "status", "archived")
    list_filter = ("status", "year", "archived")
    search_fields = ("title", "region")
    inlines = [FrontInline]


class AssignmentInline(admin.TabularInline):
    model = Assignment
    extra = 0


@admin.register(Target)
class TargetAdmin(admin.ModelAdmin):
    list_display = ("indicator", "plan", "front", "kind", "value", "unit_of_measure", "period", "bound",
                    "commitment", "owner")
    list_filter = ("plan", "kind", "commitment", "archived")
    search_fields = ("indicator",)
    inlines = [AssignmentInline]


@admin.register(Assignment)
class AssignmentAdmin(admin.ModelAdmin):
    list_display = ("target", "unit", "value")
    list_filter = ("unit",)
