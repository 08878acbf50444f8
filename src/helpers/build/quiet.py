"""Known harmless messages of the Jupyter kernels the build starts: silenced, and explained here.

The kernels are separate processes that print their own log lines to the terminal, so a
warnings filter in the build process cannot catch them; the build starts its kernels with the
options below instead. What they silence, and why it is harmless:

- "Kernel is running over TCP without encryption": the kernel and the build talk over the
  loopback interface of the same machine; nothing leaves it. (ipykernel 7 says this for every
  kernel started with the default TCP transport.)
- "Parent appears to have exited, shutting down": a report worker ended and its kernel noticed
  and stopped, as it should.
- "KeyboardInterrupt caught in kernel": jupyter_client interrupts every kernel before it shuts
  it down; a kernel that was between two messages logs this (as an error) and stops anyway.

A cell's error still reaches the build (it travels as a message, not as a kernel log line):
only the kernel process's own log is hidden. A plain
``papermill`` run still prints the first message; it is harmless there too.
"""

from __future__ import annotations

#: Command-line options for every kernel the build starts (``extra_arguments``).
KERNEL_ARGUMENTS: list[str] = ["--IPKernelApp.log_level=CRITICAL"]

#: The messages silenced, each with why it is harmless (shown in CONTRIBUTING.md too).
HARMLESS: dict[str, str] = {
    "Kernel is running over TCP without encryption":
        "kernel and build talk over loopback on one machine; nothing leaves it",
    "Parent appears to have exited, shutting down":
        "a finished report worker's kernel stopping, as it should",
    "KeyboardInterrupt caught in kernel":
        "the interrupt jupyter_client sends a kernel before shutting it down",
}
