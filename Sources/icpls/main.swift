print("icpls")
