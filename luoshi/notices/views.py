"""收件箱 pages: a person's own notices (unread or all), marking them read, and the email choice."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from luoshi.core.redirects import safe_next
from luoshi.notices import reading
from luoshi.notices.models import Notification


@login_required
def inbox(request):
    unread_only = request.GET.get("show") == "unread"
    return render(request, "notices/inbox.html", {
        "notes": reading.listed(request.user, unread_only), "unread_only": unread_only,
        "email_sent": settings.LUOSHI_EMAIL_NOTICES, "wants_email": reading.email_chosen(request.user)})


@login_required
@require_POST
def read_one(request, pk: int):
    note = get_object_or_404(Notification.objects.of(request.user), pk=pk)
    reading.mark_read(request.user, [note.pk], timezone.now())
    return redirect(safe_next(request, "notices:inbox"))


@login_required
@require_POST
def read_all(request):
    reading.mark_read(request.user, None, timezone.now())
    return redirect(safe_next(request, "notices:inbox"))


@login_required
@require_POST
def email_choice(request):
    choice = request.POST.get("email")
    if choice not in ("on", "off"):
        return HttpResponseBadRequest(_("请选择开启(on)或关闭(off)邮件通知。"))
    wanted = choice == "on"
    reading.choose_email(request.user, wanted)
    messages.success(request, _("已开启邮件通知") if wanted else _("已关闭邮件通知,通知仍在收件箱中"))
    return redirect("notices:inbox")
