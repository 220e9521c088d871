"""What a user may name on a lead: the firms, 专班, landing units, chains and nodes, events and key projects
within reach (USER None: the system, everything). The lead form and the leads import offer exactly these, so a
page and a sheet accept the same."""

from django.db.models import Q

from luoshi.accounts.scoping import codes_above, units_for
from luoshi.attraction.models import Event, TaskForce
from luoshi.chains.models import Chain, ChainNode
from luoshi.enterprises import register
from luoshi.projects.models import Project
from luoshi.units.models import Unit


def seen(queryset, user):
    """QUERYSET as USER may see it (None: the system sees everything)."""
    return queryset if user is None else queryset.restrict(user)


def companies(user):
    """Firms of the register USER sees, and those registered by the units above USER's (the city's firms)."""
    return register.pickable(user)


def task_forces(user):
    return seen(TaskForce.objects.all(), user).active()


def landing_units(user):
    """USER's units and the regions of the 专班 USER sees."""
    mine = Unit.objects.all() if user is None else units_for(user)
    return Unit.objects.active().filter(
        Q(pk__in=mine) | Q(covering_task_forces__in=seen(TaskForce.objects.all(), user))).distinct() \
        .order_by("kind", "order")


def chains(user):
    return Chain.objects.active().filter(Q(pk__in=seen(Chain.objects.all(), user)) | Q(unit__code__in=codes_above(user)))


def nodes(user):
    return ChainNode.objects.active().filter(
        Q(pk__in=seen(ChainNode.objects.all(), user)) | Q(chain__unit__code__in=codes_above(user))).select_related("chain")


def events(user):
    return seen(Event.objects.all(), user).active()


def linkable_projects(user):
    """Key projects within USER's reach that are no lead's project yet."""
    return seen(Project.objects.all(), user).active().filter(lead__isnull=True)
