raise Eb'\x' ("message")
