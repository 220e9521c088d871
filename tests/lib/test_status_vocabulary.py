"""The one status vocabulary: order, icons and words, and the workflow states that are never judgements."""

import pytest

from luoshi.attraction.models import STAGE_COLOURS as LEAD_COLOURS
from luoshi.attraction.models import Lead
from luoshi.lib import status as vocabulary
from luoshi.lib.judgement import Status
from luoshi.lib.status import ATTENTION, FINISHED, PROGRESS, Colour
from luoshi.projects.models import OBSTACLE_COLOURS, STAGE_COLOURS, Obstacle, Project
from luoshi.tasks.models import STATUS_COLOURS, Task
from luoshi.tasks.timers import Tally

JUDGEMENTS = set(ATTENTION)


def test_worst_first_puts_red_before_yellow_before_grey_before_blue_before_green():
    shuffled = ["green", "blue", "grey", "red", "yellow"]
    assert sorted(shuffled, key=vocabulary.worst_first) == ["red", "yellow", "grey", "blue", "green"]
    assert vocabulary.worst(["green", "yellow", "grey"]) == "yellow"
    assert vocabulary.worst([]) == "grey"


def test_every_colour_has_its_own_shape_and_an_unknown_one_reads_as_grey():
    shapes = [vocabulary.icon(c) for c in Colour]
    assert len(set(shapes)) == len(shapes)
    assert vocabulary.icon("") == vocabulary.icon(None) == vocabulary.icon("purple") == Colour.GREY.icon


def test_the_verdict_words_and_counts_come_worst_first():
    assert [s.label_zh for s in vocabulary.VERDICTS_WORST_FIRST] == ["滞后", "预警", "无数据", "正常"]
    assert vocabulary.tally(["green", "red", "green"]) == {"red": 1, "yellow": 0, "grey": 0, "green": 2}
    assert Status.RED.colour is Colour.RED


def test_the_dashboard_and_project_template_tags_draw_the_same_icons():
    from luoshi.dashboard.templatetags.dashboard import status_icon
    from luoshi.projects.templatetags.projects import light

    for colour in Colour:
        assert status_icon(colour.value) == light(colour.value, "x")["icon"] == colour.icon


@pytest.mark.parametrize("colours, states", [(STATUS_COLOURS, Task.Status), (OBSTACLE_COLOURS, Obstacle.Status),
                                             (STAGE_COLOURS, Project.Stage), (LEAD_COLOURS, Lead.Stage)])
def test_a_workflow_state_is_never_a_red_or_yellow_judgement(colours, states):
    assert {colours[s] for s in states.values} & JUDGEMENTS == set()
    assert all(isinstance(colours[s], Colour) for s in states.values)  # from the one vocabulary


def test_a_task_in_progress_gets_the_blue_progress_mark_and_an_obstacle_waiting_to_be_routed_too():
    assert STATUS_COLOURS[Task.Status.IN_PROGRESS] == PROGRESS == Colour.BLUE
    assert OBSTACLE_COLOURS[Obstacle.Status.RAISED] == PROGRESS
    assert STATUS_COLOURS[Task.Status.DONE] == OBSTACLE_COLOURS[Obstacle.Status.SOLVED] == FINISHED


def test_a_unit_with_none_done_on_time_is_not_green():
    assert Tally("金水区", done=3, on_time=0).colour == Colour.RED
    assert Tally("金水区", done=4, on_time=3).colour == Colour.YELLOW
    assert Tally("金水区", done=2, on_time=2).colour == Colour.GREEN
    assert Tally("金水区", open=2).colour == Colour.GREEN
