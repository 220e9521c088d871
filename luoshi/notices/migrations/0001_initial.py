"""站内提醒 move here from tasks: the model's state only; its table (tasks_notification) and every row stay.

The table is renamed after tasks lets go of the model (0002); a new installation creates it in
tasks.0001 and takes it over the same way.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('tasks', '0001_initial'),
        ('units', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Notification',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('key', models.CharField(help_text='如 task:12:overdue、figure:3:2023M03', max_length=120, verbose_name='事项键')),
                        ('day', models.DateField(verbose_name='日期')),
                        ('title', models.CharField(max_length=200, verbose_name='标题')),
                        ('body', models.TextField(blank=True, verbose_name='内容')),
                        ('link', models.CharField(blank=True, max_length=300, verbose_name='链接')),
                        ('emailed', models.BooleanField(default=False, verbose_name='已发邮件')),
                        ('created', models.DateTimeField(auto_now_add=True, verbose_name='时间')),
                        ('read_at', models.DateTimeField(blank=True, null=True, verbose_name='已读时间')),
                        ('recipient', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='notifications', to=settings.AUTH_USER_MODEL)),
                        ('unit', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='units.unit')),
                    ],
                    options={
                        'verbose_name': '站内提醒',
                        'verbose_name_plural': '站内提醒',
                        'ordering': ['-created', '-pk'],
                        'db_table': 'tasks_notification',
                        'constraints': [models.UniqueConstraint(fields=('recipient', 'key', 'day'), name='notification_once_a_day')],
                    },
                ),
            ],
        ),
        migrations.CreateModel(
            name='Preference',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created', models.DateTimeField(auto_now_add=True, verbose_name='创建时间')),
                ('modified', models.DateTimeField(auto_now=True, verbose_name='修改时间')),
                ('email', models.BooleanField(default=True, verbose_name='邮件通知')),
                ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='创建人')),
                ('user', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='notice_preference', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': '通知设置',
                'verbose_name_plural': '通知设置',
            },
        ),
    ]
