"""A lead's steps are stage records (core.workflow.StageRecord): every row kept, its action `stage`, or
`open` for the step that registered the lead at 线索 (no stage before it); the unit of who acted is
blank for the rows written before it was kept."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def opened(apps, schema_editor):
    steps = apps.get_model('attraction', 'LeadStep').objects
    steps.filter(from_stage='').update(action='open')


class Migration(migrations.Migration):

    dependencies = [
        ('attraction', '0004_paid_in_as_figures'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='leadstep',
            name='action',
            field=models.CharField(default='stage', max_length=20, verbose_name='操作'),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='leadstep',
            name='by_unit',
            field=models.CharField(blank=True, max_length=100, verbose_name='操作单位'),
        ),
        migrations.AlterField(
            model_name='leadstep',
            name='at',
            field=models.DateTimeField(auto_now_add=True, verbose_name='时间'),
        ),
        migrations.AlterField(
            model_name='leadstep',
            name='by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AlterField(
            model_name='leadstep',
            name='by_name',
            field=models.CharField(max_length=150, verbose_name='操作人'),
        ),
        migrations.RunPython(opened, migrations.RunPython.noop),
    ]
