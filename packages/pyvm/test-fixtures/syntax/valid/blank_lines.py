

x = 1


def f():

    # comment

    return 1

        # weird comment indentation

class C:
    pass
    # trailing comment
