from django.contrib import admin

from luoshi.core import admin as core_admin
from luoshi.review.models import Proposal


@admin.register(Proposal)
class ProposalAdmin(core_admin.ModelAdmin):
    """Read-only: proposals are decided on the review page, where every decision is a domain function."""

    list_display = ("indicator", "plan", "status", "value", "unit_of_measure", "period", "span_start", "span_end")
    list_filter = ("plan", "status")
    search_fields = ("indicator", "sentence")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
