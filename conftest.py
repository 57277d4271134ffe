"""Repository-wide pytest set-up.

nbval executes cells with ``store_history=False``, so IPython cannot see a trailing ``;`` and
shows the value that JupyterLab hides (nbval issue #194, open upstream). The notebooks end
exercise cells with ``check(...);`` as a learner would, so nbval must execute them the same way
JupyterLab does: with history.
"""

import nbval.kernel


def _execute_like_jupyterlab(self, cell_input, allow_stdin=None):
    return self.kc.execute(
        cell_input, store_history=True, allow_stdin=allow_stdin, stop_on_error=False
    )


nbval.kernel.RunningKernel.execute_cell_input = _execute_like_jupyterlab
