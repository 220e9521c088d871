"""Paid-in funds become figures of which the lead is the subject: leads get a code (ZS-00001) that the
figures name them by, the series 招商项目到位资金 is added to the catalogue, and the interim table goes
(its rows, if any, are not carried over: it lived for one hour of development, with no release)."""

from django.db import migrations, models

SERIES = {"name": "招商项目到位资金", "unit_of_measure": "亿元", "frequency": "monthly", "accumulation": "flow",
          "due_day": 10, "publisher": "owner", "allow_negative": False,
          "note": "招商项目落地单位报送的累计到位资金(按招商项目报送)"}


def forwards(apps, schema_editor):
    apps.get_model("figures", "Series").objects.get_or_create(name=SERIES["name"], defaults=SERIES)
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
