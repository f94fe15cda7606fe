"""The editor guide under ``/huong-dan/``, generated from the models that validate the data so
what it says about each field can never drift from what the check accepts."""
