"""演示的招商专班: the seed names "四个专班" but not which; the demo assumes two chain task forces (the two
trillion-yuan clusters the plan names) and two region groups (the overseas and domestic campaigns it lists),
each saying so (演示假设). No leader, member, lead, amount or date is invented: leads come only from
`luoshi simulate-attraction`."""

from luoshi.attraction.models import TaskForce
from luoshi.chains.models import Chain
from luoshi.units.models import Unit

ASSUMED = "演示假设:原文只提“四个专班”,未列名称和分工;"
BUREAU = "郑州市商务局"
TASK_FORCES = (
    ("电子信息产业链招商专班", "电子信息", "按产业链分工,负责电子信息产业链招商(以整机引零件、以终端带前端)"),
    ("新能源汽车产业链招商专班", "新能源汽车", "按产业链分工,负责新能源汽车产业链招商(围绕上汽、比亚迪引上下游)"),
    ("境外招商专班", None, "按区域分工,负责港澳台、日韩经贸活动和东南亚、欧洲等国际重点地区招商"),
    ("国内三大区域招商专班", None, "按区域分工,负责京津冀、长三角、粤港澳大湾区招商"),
)


def load_task_forces(city_code: str = "410100") -> list[TaskForce]:
    """The demo's four 专班, led by the city's commerce bureau (also an assumption), chains linked by name."""
    city = Unit.objects.get(code=city_code)
    bureau = Unit.objects.get(name=BUREAU)
    forces = []
    for name, chain_name, scope in TASK_FORCES:
        force, _ = TaskForce.objects.get_or_create(name=name, lead_department=bureau,
                                                   defaults={"scope": ASSUMED + scope})
        if chain_name:
            force.chains.set(Chain.objects.filter(unit=city, name__startswith=chain_name))
        forces.append(force)
    return forces
