"""The taken-over table gets the notices app's own name (a rename: every row stays)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('notices', '0001_initial'),
        ('tasks', '0002_notification_moved_to_notices'),
    ]

    operations = [
        migrations.AlterModelTable(name='notification', table=None),
    ]
