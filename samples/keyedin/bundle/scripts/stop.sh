#!/bin/bash
# Stops the app's containers if they run (the first deployment finds none).
docker rm -f keyedin-nginx keyedin-backend 2>/dev/null || true
