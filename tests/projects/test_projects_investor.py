"""A key project's investor (投资方) is chosen from the enterprise register on the project form, among the
firms the editor may name (the register they see and their city's), and read back through the API."""

from luoshi.enterprises.models import Enterprise
from luoshi.projects.models import Project


def test_the_project_form_picks_the_investor_from_the_register(client_for, analyst, jinshui_reporter, units,
                                                                fai_target):
    city_firm = Enterprise.objects.create(name="测试投资有限公司", register_unit=units["郑州市"], unit=units["金水区"])
    elsewhere = Enterprise.objects.create(name="外市登记公司", register_unit=units["开封市"], unit=units["开封市"])
    form = client_for(analyst).get("/projects/new/").content.decode()
    assert 'name="investor"' in form and "测试投资有限公司" in form and "外市登记公司" not in form
    response = client_for(analyst).post("/projects/new/", {"code": "I-1", "name": "投资方项目",
                                                           "owner": units["金水区"].pk, "investor": city_firm.pk})
    project = Project.objects.get(code="I-1")
    assert response.status_code == 302 and project.investor == city_firm
    refused = client_for(analyst).post(f"/projects/{project.pk}/edit/", {"code": "I-1", "name": "投资方项目",
                                                                         "owner": units["金水区"].pk,
                                                                         "investor": elsewhere.pk})
    assert refused.status_code == 200 and Project.objects.get(pk=project.pk).investor == city_firm
    owner = client_for(jinshui_reporter)
    assert "测试投资有限公司" in owner.get(f"/projects/{project.pk}/edit/").content.decode()  # the city's firm
    row = owner.get(f"/api/v1/projects/{project.pk}").json()
    assert (row["investor"], row["investor_id"]) == ("测试投资有限公司", city_firm.pk)
    page = owner.get(f"/projects/{project.pk}/").content.decode()
    assert "投资方" in page and "测试投资有限公司" in page
