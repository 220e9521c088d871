"""Paid-in funds become figures of which the lead is the subject: leads get a code (ZS-00001) that the
figures name them by, and the interim table goes (the series 招商项目到位资金 comes with the default catalogue)
(its rows, if any, are not carried over: it lived for one hour of development, with no release)."""

from django.db import migrations, models


def forwards(apps, schema_editor):
    Lead = apps.get_model("attraction", "Lead")
    for lead in Lead.objects.filter(code__isnull=True):
        lead.code = f"ZS-{lead.pk:05d}"
        lead.save(update_fields=["code"])


class Migration(migrations.Migration):

    dependencies = [
        ('attraction', '0003_paid_in'),
        ('figures', '0007_figure_slot_unique'),
    ]

    operations = [
        migrations.AddField(
            model_name='lead',
            name='code',
            field=models.CharField(blank=True, editable=False, help_text='登记时给定(ZS-00001);开工时生成的重点项目沿用此编号', max_length=20, null=True, unique=True, verbose_name='项目编号'),
        ),
        migrations.DeleteModel(
            name='PaidIn',
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
