"""One slot constraint for every subject; the project column goes (its values moved in 0006)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("figures", "0006_figure_subject"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="figure", name="figure_unit_slot_unique"),
        migrations.RemoveConstraint(model_name="figure", name="figure_project_slot_unique"),
        migrations.AddConstraint(
            model_name="figure",
            constraint=models.UniqueConstraint(
                fields=("series", "unit", "subject_kind", "subject_id", "period_start", "period_end"),
                name="figure_slot_unique"),
        ),
        migrations.RemoveField(model_name="figure", name="project"),
    ]
