"""站内提醒 now belong to the notices app (notices.0001 took over the model); the table stays as it is."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('tasks', '0001_initial'),
        ('notices', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[migrations.DeleteModel(name='Notification')]),
    ]
