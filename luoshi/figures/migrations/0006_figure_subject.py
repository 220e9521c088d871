"""Figure subjects: a figure belongs to a unit (subject_kind "") or to a registered subject (figures.subjects).

Every key-project figure keeps its project: project_id → subject_kind "project", subject_id = project_id.
"""

from django.db import migrations, models
from django.db.models import F


def forwards(apps, schema_editor):
    Figure = apps.get_model("figures", "Figure")
    Figure.objects.filter(project__isnull=False).update(subject_kind="project", subject_id=F("project_id"))


def backwards(apps, schema_editor):
    Figure = apps.get_model("figures", "Figure")
    Figure.objects.filter(subject_kind="project").update(project_id=F("subject_id"))


class Migration(migrations.Migration):

    dependencies = [
        ("figures", "0005_holdable_numbers"),
    ]

    operations = [
        migrations.AddField(
            model_name="figure",
            name="subject_kind",
            field=models.CharField(blank=True, default="", help_text="空:单位自身的数据;否则为该单位报送的主体(如重点项目)的数据",
                                   max_length=20, verbose_name="数据主体类别"),
        ),
        migrations.AddField(
            model_name="figure",
            name="subject_id",
            field=models.PositiveBigIntegerField(default=0, help_text="主体的编号(见 figures.subjects);单位数据为 0",
                                                 verbose_name="数据主体"),
        ),
        migrations.RunPython(forwards, backwards),
    ]
