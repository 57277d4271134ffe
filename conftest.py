"""Repository-wide pytest set-up.

nbval executes cells with ``store_history=False``, so IPython cannot see a trailing ``;`` and
shows the value that JupyterLab hides (nbval issue #194, open upstream). The notebooks end
exercise cells with ``check(...);`` as a learner would, so nbval must execute them the same way
JupyterLab does: with history.
"""

import nbval.kernel
import nbval.plugin
import pytest


def _execute_like_jupyterlab(self, cell_input, allow_stdin=None):
    return self.kc.execute(
        cell_input, store_history=True, allow_stdin=allow_stdin, stop_on_error=False
    )


nbval.kernel.RunningKernel.execute_cell_input = _execute_like_jupyterlab


# ----------------------------------------------------------------------------- --nbval-rerun
# "A learner who runs a notebook again sees the same outputs": with --nbval-rerun every notebook
# is collected twice, the second copy (``…ipynb::rerun::Cell N``) right after the first, in a
# new kernel, on what the first run saved and cached. Both copies must match the committed
# outputs. Under pytest-xdist use ``--dist loadfile``: it keeps both copies on one worker, in order.


def pytest_addoption(parser):
    parser.addoption("--nbval-rerun", action="store_true",
                     help="run every notebook a second time right after the first (same outputs)")


@pytest.hookimpl(trylast=True)  # after nbval's own collector, so the rerun comes second
def pytest_collect_file(file_path, parent):
    opt = parent.config.option
    if getattr(opt, "nbval_rerun", False) and opt.nbval and file_path.suffix == ".ipynb":
        first = nbval.plugin.IPyNbFile.from_parent(parent, path=file_path)
        return nbval.plugin.IPyNbFile.from_parent(parent, path=file_path,
                                                  nodeid=f"{first.nodeid}::rerun")
    return None
