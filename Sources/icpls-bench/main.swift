print("icpls-bench")
