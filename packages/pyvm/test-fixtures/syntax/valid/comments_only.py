# Just a comment.
# Another one.

    # An indented comment does not start a block.
