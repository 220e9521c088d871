from django.apps import AppConfig


class ProjectsConfig(AppConfig):
    name = "luoshi.projects"
    label = "projects"
    verbose_name = "重点项目"

    def ready(self):
        from luoshi.figures import subjects
        from luoshi.projects.reminders import obstacles_due, projects_due
        from luoshi.projects.subject import PROJECT
        from luoshi.tasks import reminders

        subjects.register(PROJECT)
        reminders.register(projects_due, order=1)
        reminders.register(obstacles_due, order=3)
