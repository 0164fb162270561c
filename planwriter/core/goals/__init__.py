"""Measurable goals: the checker, the composer, short-term objectives and the goal bank."""

from planwriter.core.goals.checker import COMPONENTS, GoalCheck, check_goal

__all__ = ["COMPONENTS", "GoalCheck", "check_goal"]
