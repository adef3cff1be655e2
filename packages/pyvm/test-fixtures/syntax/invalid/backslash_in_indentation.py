# comment

    \ # x
