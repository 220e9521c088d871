"""A project's stage changes are stage records (core.workflow.StageRecord): every row kept, its action
`stage`; the unit of who acted is blank for the rows written before it was kept."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('projects', '0003_project_investor'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='stagechange',
            name='action',
            field=models.CharField(default='stage', max_length=20, verbose_name='操作'),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='stagechange',
            name='by_unit',
            field=models.CharField(blank=True, max_length=100, verbose_name='操作单位'),
        ),
        migrations.AlterField(
            model_name='stagechange',
            name='at',
            field=models.DateTimeField(auto_now_add=True, verbose_name='时间'),
        ),
        migrations.AlterField(
            model_name='stagechange',
            name='by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AlterField(
            model_name='stagechange',
            name='by_name',
            field=models.CharField(max_length=150, verbose_name='操作人'),
        ),
    ]
