import os
import shutil

import pytest

from reportgen.render.office import soffice


@pytest.fixture(scope="module")
def office():
    """LibreOffice and poppler-utils, which CI must have and a workstation may lack."""
    if soffice() is None or shutil.which("pdffonts") is None:
        if os.environ.get("CI"):
            pytest.fail("CI must install LibreOffice and poppler-utils (see .ci/run)")
        pytest.skip("LibreOffice or poppler-utils not installed")
