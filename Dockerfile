# A runnable image of the guide: gunicorn serving the app, static files through whitenoise.
# Build:  docker build -t guide .
# Run:    docker run -p 8000:8000 -e SECRET_KEY=... -e ALLOWED_HOSTS=guide.example.org \
#           -e SITE_URL=https://guide.example.org -e DATABASE_URL=postgres://... guide

FROM python:3.12-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends gettext \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml README.md ./
RUN python -m venv /venv && /venv/bin/pip install --no-cache-dir .
COPY . .
# Build steps sign nothing and need no SECRET_KEY (the server refuses to start without one).
RUN /venv/bin/python manage.py compilemessages --ignore venv -v 0 \
 && /venv/bin/python manage.py collectstatic --no-input -v 0

FROM python:3.12-slim
# Build with --build-arg RELEASE=<commit> so that each release starts with fresh pages.
ARG RELEASE=""
ENV RELEASE=$RELEASE \
    PATH=/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    GUNICORN_BIND=0.0.0.0:8000
RUN useradd --create-home --uid 10001 guide
COPY --from=build /venv /venv
COPY --from=build --chown=guide:guide /app /app
WORKDIR /app
USER guide
EXPOSE 8000
# /livez: the process answers. (/healthz also checks the database and the cache, for
# monitoring; a restart would not mend those, and the guide serves what it can without.)
HEALTHCHECK --interval=30s --timeout=5s \
  CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/livez', timeout=4)"
CMD ["gunicorn", "guide.wsgi"]
