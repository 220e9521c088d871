from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from luoshi.units.models import Unit
from luoshi.units.tree import build_tree


@login_required
def unit_tree(request):
    return render(request, "units/unit_tree.html", {"roots": build_tree(Unit.objects.active())})
