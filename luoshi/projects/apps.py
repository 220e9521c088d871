from django.apps import AppConfig


class ProjectsConfig(AppConfig):
    name = "luoshi.projects"
    label = "projects"
    verbose_name = "重点项目"

    def ready(self):
        from luoshi.figures import subjects
        from luoshi.projects.subject import PROJECT

        subjects.register(PROJECT)
