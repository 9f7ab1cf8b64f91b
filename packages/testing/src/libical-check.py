"""Reads an iCalendar file on stdin with libical (through GObject introspection) and prints, one a line,
every problem libical finds: parse errors and the RFC 5546 restrictions of the file's METHOD."""
import sys

import gi

gi.require_version("ICalGLib", "3.0")
from gi.repository import ICalGLib  # noqa: E402

text = sys.stdin.buffer.read().decode("utf-8")
problems = []
if not text.endswith("\r\n"):
    problems.append("the last line does not end with CRLF")
component = ICalGLib.Component.new_from_string(text)
if component is None:
    problems.append("libical could not parse the file")
else:
    component.check_restrictions()
    def walk(c):
        prop = c.get_first_property(ICalGLib.PropertyKind.XLICERROR_PROPERTY)
        while prop is not None:
            problems.append(f"{c.kind_to_string(c.isa())}: {prop.get_xlicerror()}")
            prop = c.get_next_property(ICalGLib.PropertyKind.XLICERROR_PROPERTY)
        child = c.get_first_component(ICalGLib.ComponentKind.ANY_COMPONENT)
        while child is not None:
            walk(child)
            child = c.get_next_component(ICalGLib.ComponentKind.ANY_COMPONENT)
    walk(component)
print("\n".join(problems))
