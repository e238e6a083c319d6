{{/* The prefix of every name: the release name, with "-pg-dispatch" added unless it holds it already. */}}
{{- define "pg-dispatch.fullname" -}}
{{- if contains "pg-dispatch" .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-pg-dispatch" .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* The internal services, which share one template: name, port and the key of their values. */}}
{{- define "pg-dispatch.internalServices" -}}
services:
  - {name: auth-service, port: 8081, key: authService}
  - {name: router-service, port: 8082, key: routerService}
  - {name: compute-manager, port: 8083, key: computeManager}
{{- end -}}

{{/* Labels of every object of one service; called with (dict "root" $ "name" <service>). */}}
{{- define "pg-dispatch.labels" -}}
{{ include "pg-dispatch.selector" . }}
app.kubernetes.io/part-of: pg-dispatch
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end -}}

{{- define "pg-dispatch.selector" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{- define "pg-dispatch.image" -}}
{{ .root.Values.image.registry }}/{{ .name }}:{{ .root.Values.image.tag }}
{{- end -}}

{{/* Quarkus' health checks on the HTTP port named http. */}}
{{- define "pg-dispatch.probes" -}}
readinessProbe:
  httpGet:
    path: /q/health/ready
    port: http
  periodSeconds: 5
livenessProbe:
  httpGet:
    path: /q/health/live
    port: http
  initialDelaySeconds: 20
  periodSeconds: 10
{{- end -}}

{{- define "pg-dispatch.internalToken" -}}
- name: DISPATCH_INTERNAL_TOKEN
  valueFrom:
    secretKeyRef:
      name: {{ .Values.internalTokenSecretName }}
      key: token
{{- end -}}
