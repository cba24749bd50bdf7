/// The OpenAPI 3.1 description of `/api/v1`, served at `/api/v1/openapi.json`.
///
/// Checked against the running server by `Tests/api/fuzz_api.sh` (schemathesis): every status an operation
/// returns is listed, and the response schemas follow the DTOs field for field (optional fields are left out,
/// never null).
enum OpenAPIDocument {
    static let json = #"""
        {
          "openapi": "3.1.0",
          "info": {
            "title": "Lantian (蓝天) campaign API",
            "version": "1.0.0",
            "description": "Plans, tasks with computed status, indicators, units and monthly progress reports. Reads take a browser session or a bearer token; writes (POST /tasks/{code}/reports/{unit}/{month}, DELETE /tokens/{id}) take only a bearer token from POST /api/v1/tokens. Every error is JSON {\"error\": \"…\"}. Optional fields are left out when they have no value (never null)."
          },
          "servers": [{ "url": "/api/v1" }],
          "components": {
            "securitySchemes": {
              "bearer": { "type": "http", "scheme": "bearer" },
              "session": { "type": "apiKey", "in": "cookie", "name": "lantian-session" }
            },
            "parameters": {
              "taskCode": { "name": "code", "in": "path", "required": true, "schema": { "type": "string" }, "description": "task code", "example": "t11" },
              "asOf": { "name": "asOf", "in": "query", "schema": { "$ref": "#/components/schemas/DateOrEmpty" }, "description": "view the campaign as it stood at the end of this day (today or earlier, else 400); empty: now", "example": "2021-12-31" }
            },
            "responses": {
              "BadRequest": { "description": "Malformed body, query or path value", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
              "Unauthorized": { "description": "No valid session or bearer token", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
              "Forbidden": { "description": "The account must first replace its one-time password, or may not do this", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
              "NotFound": { "description": "No such resource, or no plan is loaded yet", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
              "PayloadTooLarge": { "description": "Body over 1 MB", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
              "UnsupportedMediaType": { "description": "Body without a content type, or of one that cannot be decoded", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }
            },
            "schemas": {
              "Error": { "type": "object", "properties": { "error": { "type": "string" } }, "required": ["error"], "additionalProperties": false },
              "Date": { "type": "string", "format": "date", "pattern": "^\\d{4}-\\d{2}-\\d{2}$" },
              "DateOrEmpty": { "anyOf": [{ "type": "string", "format": "date" }, { "type": "string", "maxLength": 0 }], "description": "YYYY-MM-DD; an empty value counts as absent" },
              "Month": { "type": "string", "pattern": "^\\d{4}-\\d{2}$" },
              "TaskStatus": { "type": "string", "enum": ["done", "onTrack", "lagging", "overdue", "notReported"] },
              "ReportState": { "type": "string", "enum": ["draft", "pendingApproval", "submitted", "returned", "accepted"] },
              "ReportedStatus": { "type": "string", "enum": ["notStarted", "inProgress", "done"] },
              "ReportAction": { "type": "string", "enum": ["save", "requestApproval", "approve", "reject", "returnToUnit", "accept"] },
              "Direction": { "type": "string", "enum": ["atLeast", "atMost"] },
              "TaskOrigin": { "type": "string", "enum": ["text", "table", "forwarding"] },
              "TokenCreated": {
                "type": "object",
                "properties": { "token": { "type": "string" }, "expiresAt": { "type": "string", "format": "date-time" } },
                "required": ["token", "expiresAt"], "additionalProperties": false
              },
              "Token": {
                "type": "object",
                "properties": {
                  "id": { "type": "string", "format": "uuid" }, "name": { "type": "string" },
                  "user": { "type": "string", "description": "the owner's username" },
                  "createdAt": { "type": "string", "format": "date-time" }, "expiresAt": { "type": "string", "format": "date-time" }
                },
                "required": ["id", "name", "user"], "additionalProperties": false
              },
              "PlanSummary": {
                "type": "object",
                "properties": {
                  "code": { "type": "string" }, "title": { "type": "string" },
                  "start": { "$ref": "#/components/schemas/Date" }, "end": { "$ref": "#/components/schemas/Date" },
                  "active": { "type": "boolean" }
                },
                "required": ["code", "title", "start", "end", "active"], "additionalProperties": false
              },
              "OfficialDocument": {
                "type": "object",
                "properties": {
                  "number": { "type": "string" }, "issuer": { "type": "string" }, "title": { "type": "string" },
                  "date": { "$ref": "#/components/schemas/Date" },
                  "disclosure": { "type": "string", "enum": ["public", "internal", "restricted"] },
                  "recipients": { "type": "string" }
                },
                "required": ["number", "issuer", "disclosure"], "additionalProperties": false
              },
              "AirQualityTarget": {
                "type": "object",
                "properties": {
                  "code": { "type": "string" }, "name": { "type": "string" },
                  "metric": { "type": "string", "enum": ["pm25-period-mean", "heavy-days"] },
                  "unit": { "type": "string" }, "direction": { "$ref": "#/components/schemas/Direction" }, "value": { "type": "number" }
                },
                "required": ["code", "name", "metric", "unit", "direction", "value"], "additionalProperties": false
              },
              "UnitGroup": {
                "type": "object",
                "properties": { "code": { "type": "string" }, "name": { "type": "string" }, "members": { "type": "array", "items": { "type": "string" } } },
                "required": ["code", "name", "members"], "additionalProperties": false
              },
              "PlanSection": {
                "type": "object",
                "properties": { "number": { "type": "integer" }, "title": { "type": "string" }, "part": { "type": "string" } },
                "required": ["number", "title", "part"], "additionalProperties": false
              },
              "Forwarding": {
                "type": "object",
                "properties": {
                  "document": { "$ref": "#/components/schemas/OfficialDocument" }, "from": { "type": "string" },
                  "to": { "type": "array", "items": { "type": "string" } },
                  "requirements": { "type": "array", "items": { "type": "string" } },
                  "relatesTo": { "type": "array", "items": { "type": "string" } }
                },
                "required": ["document", "from", "to", "requirements", "relatesTo"], "additionalProperties": false
              },
              "Plan": {
                "type": "object",
                "properties": {
                  "code": { "type": "string" }, "title": { "type": "string" },
                  "start": { "$ref": "#/components/schemas/Date" }, "end": { "$ref": "#/components/schemas/Date" },
                  "timeZone": { "type": "string" },
                  "reporting": {
                    "type": "object",
                    "properties": { "dueDay": { "type": "integer" }, "dueHour": { "type": "integer" }, "dueMinute": { "type": "integer" } },
                    "required": ["dueDay", "dueHour", "dueMinute"], "additionalProperties": false
                  },
                  "statusRules": {
                    "type": "object", "properties": { "lagTolerance": { "type": "number" } },
                    "required": ["lagTolerance"], "additionalProperties": false
                  },
                  "document": { "$ref": "#/components/schemas/OfficialDocument" },
                  "targets": { "type": "array", "items": { "$ref": "#/components/schemas/AirQualityTarget" } },
                  "units": { "type": "array", "items": { "$ref": "#/components/schemas/Unit" }, "description": "empty here: see GET /units" },
                  "groups": { "type": "array", "items": { "$ref": "#/components/schemas/UnitGroup" } },
                  "sections": { "type": "array", "items": { "$ref": "#/components/schemas/PlanSection" } },
                  "tasks": { "type": "array", "items": { "$ref": "#/components/schemas/PlanTask" }, "description": "empty here: see GET /tasks" },
                  "forwardings": { "type": "array", "items": { "$ref": "#/components/schemas/Forwarding" } }
                },
                "required": ["code", "title", "start", "end", "timeZone", "reporting", "statusRules", "document", "targets", "units", "groups", "sections", "tasks", "forwardings"],
                "additionalProperties": false
              },
              "PlanWithCount": {
                "type": "object",
                "properties": { "plan": { "$ref": "#/components/schemas/Plan" }, "taskCount": { "type": "integer" } },
                "required": ["plan", "taskCount"], "additionalProperties": false
              },
              "IndicatorSource": {
                "oneOf": [
                  {
                    "type": "object", "properties": { "report": { "type": "object", "additionalProperties": false } },
                    "required": ["report"], "additionalProperties": false
                  },
                  {
                    "type": "object",
                    "properties": {
                      "ledger": {
                        "type": "object", "properties": { "name": { "type": "string" }, "aggregate": { "type": "string" } },
                        "required": ["name", "aggregate"], "additionalProperties": false
                      }
                    },
                    "required": ["ledger"], "additionalProperties": false
                  },
                  {
                    "type": "object",
                    "properties": {
                      "measurement": {
                        "type": "object", "properties": { "code": { "type": "string" } },
                        "required": ["code"], "additionalProperties": false
                      }
                    },
                    "required": ["measurement"], "additionalProperties": false
                  },
                  {
                    "type": "object",
                    "properties": {
                      "airQuality": {
                        "type": "object", "properties": { "metric": { "type": "string" } },
                        "required": ["metric"], "additionalProperties": false
                      }
                    },
                    "required": ["airQuality"], "additionalProperties": false
                  },
                  {
                    "type": "object",
                    "properties": {
                      "market": {
                        "type": "object", "properties": { "metric": { "type": "string" } },
                        "required": ["metric"], "additionalProperties": false
                      }
                    },
                    "required": ["market"], "additionalProperties": false
                  },
                  {
                    "type": "object",
                    "properties": {
                      "sources": {
                        "type": "object", "properties": { "metric": { "type": "string" } },
                        "required": ["metric"], "additionalProperties": false
                      }
                    },
                    "required": ["sources"], "additionalProperties": false
                  }
                ]
              },
              "Indicator": {
                "type": "object",
                "properties": {
                  "code": { "type": "string" }, "name": { "type": "string" }, "unit": { "type": "string" },
                  "direction": { "$ref": "#/components/schemas/Direction" },
                  "target": { "type": "number" }, "baseline": { "type": "number" },
                  "deadline": { "$ref": "#/components/schemas/Date" }, "scope": { "type": "string" },
                  "source": { "$ref": "#/components/schemas/IndicatorSource" },
                  "breakdown": {
                    "type": "array",
                    "items": {
                      "type": "object", "properties": { "label": { "type": "string" }, "target": { "type": "number" } },
                      "required": ["label", "target"], "additionalProperties": false
                    }
                  }
                },
                "required": ["code", "name", "unit", "direction", "target", "baseline", "source", "breakdown"], "additionalProperties": false
              },
              "PlanTask": {
                "type": "object",
                "properties": {
                  "code": { "type": "string" },
                  "title": { "type": "string", "description": "the short title lists show (the plan file's, or derived)" },
                  "origin": { "$ref": "#/components/schemas/TaskOrigin" },
                  "section": { "type": "integer" }, "category": { "type": "string" }, "keyWork": { "type": "string" },
                  "mainTask": { "type": "string" }, "measures": { "type": "string" },
                  "deadline": { "$ref": "#/components/schemas/Date" }, "deadlineText": { "type": "string" },
                  "lead": { "type": "array", "items": { "type": "string" } },
                  "cooperating": { "type": "array", "items": { "type": "string" } },
                  "responsible": { "type": "array", "items": { "type": "string" } },
                  "subjects": { "type": "array", "items": { "type": "string" } },
                  "indicators": { "type": "array", "items": { "$ref": "#/components/schemas/Indicator" } },
                  "notes": { "type": "string" }, "forwardedBy": { "type": "string" }
                },
                "required": ["code", "title", "origin", "category", "measures", "deadline", "deadlineText", "lead", "cooperating", "responsible", "subjects", "indicators"],
                "additionalProperties": false
              },
              "Task": {
                "type": "object",
                "properties": {
                  "task": { "$ref": "#/components/schemas/PlanTask" },
                  "status": { "$ref": "#/components/schemas/TaskStatus" },
                  "statusText": { "type": "string" },
                  "explanation": { "type": "string" },
                  "elapsedShare": { "type": "number" },
                  "latestDueMonth": { "$ref": "#/components/schemas/Month" },
                  "missingUnits": { "type": "array", "items": { "type": "string" } },
                  "indicators": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "properties": { "indicator": { "$ref": "#/components/schemas/Indicator" }, "current": { "type": "number" }, "progress": { "type": "number" } },
                      "required": ["indicator"], "additionalProperties": false
                    }
                  }
                },
                "required": ["task", "status", "statusText", "explanation", "elapsedShare", "missingUnits", "indicators"],
                "additionalProperties": false
              },
              "Report": {
                "type": "object",
                "properties": {
                  "task": { "type": "string" }, "unit": { "type": "string" }, "month": { "$ref": "#/components/schemas/Month" },
                  "state": { "$ref": "#/components/schemas/ReportState" },
                  "reportedStatus": { "$ref": "#/components/schemas/ReportedStatus" },
                  "narrative": { "type": "string" },
                  "values": { "type": "object", "additionalProperties": { "type": "number" } },
                  "revision": { "type": "integer" }, "firstSubmittedAt": { "type": "string", "format": "date-time" },
                  "late": { "type": "boolean" }, "comment": { "type": "string" },
                  "evidence": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "properties": { "id": { "type": "string", "format": "uuid" }, "fileName": { "type": "string" }, "size": { "type": "integer" }, "sha256": { "type": "string" } },
                      "required": ["fileName", "size", "sha256"], "additionalProperties": false
                    }
                  }
                },
                "required": ["task", "unit", "month", "state", "reportedStatus", "narrative", "values", "revision", "late", "evidence"],
                "additionalProperties": false
              },
              "Unit": {
                "type": "object",
                "properties": {
                  "code": { "type": "string" }, "name": { "type": "string" },
                  "kind": { "type": "string", "enum": ["office", "department", "county", "countyBureau", "enterprise", "leadingGroup"] },
                  "parent": { "type": "string" }, "aliases": { "type": "array", "items": { "type": "string" } }
                },
                "required": ["code", "name", "kind", "aliases"], "additionalProperties": false
              },
              "Station": {
                "type": "object",
                "properties": {
                  "code": { "type": "string" }, "name": { "type": "string" },
                  "kind": { "type": "string", "enum": ["nationalControl", "cleanReference", "provincial", "township", "enterprise"] },
                  "county": { "type": "string" }, "longitude": { "type": "number" }, "latitude": { "type": "number" }
                },
                "required": ["code", "name", "kind", "county"], "additionalProperties": false
              },
              "Day": {
                "type": "object",
                "properties": {
                  "station": { "type": "string", "description": "station code, or city for the city series" },
                  "date": { "$ref": "#/components/schemas/Date" },
                  "means": {
                    "type": "object", "propertyNames": { "enum": ["so2", "no2", "pm10", "co", "o3", "pm25"] },
                    "additionalProperties": { "type": "number" }
                  },
                  "o3Max1h": { "type": "number" }, "o3Max8h": { "type": "number" },
                  "iaqis": {
                    "type": "object", "propertyNames": { "pattern": "^(so2|no2|pm10|co|o3|pm25)_hour(1|8|24)$" },
                    "additionalProperties": { "type": "integer" }
                  },
                  "aqi": { "type": "integer" },
                  "category": { "type": "string", "enum": ["优", "良", "轻度污染", "中度污染", "重度污染", "严重污染"] },
                  "primary": {
                    "type": "array",
                    "items": { "type": "string", "enum": ["二氧化硫", "二氧化氮", "颗粒物(PM10)", "一氧化碳", "臭氧", "臭氧1小时", "臭氧8小时", "细颗粒物(PM2.5)"] }
                  }
                },
                "required": ["station", "date", "means", "iaqis", "primary"], "additionalProperties": false
              },
              "SeasonTargets": {
                "type": "object",
                "properties": {
                  "plan": { "type": "string" },
                  "seasonStart": { "$ref": "#/components/schemas/Date" }, "seasonEnd": { "$ref": "#/components/schemas/Date" },
                  "asOf": { "$ref": "#/components/schemas/Date" },
                  "elapsedDays": { "type": "integer" }, "remainingDays": { "type": "integer" }, "pm25ValidDays": { "type": "integer" },
                  "outOfReach": { "type": "boolean" }, "projectedHeavyDays": { "type": "number" },
                  "sandDustDays": { "type": "array", "items": { "$ref": "#/components/schemas/Date" } },
                  "rows": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "properties": {
                        "metric": { "type": "string", "enum": ["pm25Mean", "remainingBudget", "heavyDays"] },
                        "name": { "type": "string" }, "unit": { "type": "string" },
                        "target": { "type": "number" }, "soFar": { "type": "number" },
                        "previousSameDates": { "type": "number" }, "change": { "type": "number" },
                        "note": { "type": "string" }
                      },
                      "required": ["metric", "name", "unit", "note"], "additionalProperties": false
                    }
                  }
                },
                "required": ["plan", "seasonStart", "seasonEnd", "asOf", "elapsedDays", "remainingDays", "pm25ValidDays", "outOfReach", "projectedHeavyDays", "sandDustDays", "rows"],
                "additionalProperties": false
              }
            }
          },
          "security": [{ "bearer": [] }, { "session": [] }],
          "paths": {
            "/tokens": {
              "post": {
                "summary": "Create an API token (valid 90 days; at most 10 live tokens per account)", "security": [],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "type": "object",
                        "properties": {
                          "username": { "type": "string" }, "password": { "type": "string" },
                          "name": { "type": ["string", "null"], "description": "a label for the token (default api)" }
                        },
                        "required": ["username", "password"]
                      }
                    }
                  }
                },
                "responses": {
                  "200": { "description": "The token, shown once", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/TokenCreated" } } } },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "401": { "description": "Wrong credentials, or a one-time password not yet replaced", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
                  "409": { "description": "The account already has 10 live tokens", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
                  "413": { "$ref": "#/components/responses/PayloadTooLarge" },
                  "415": { "$ref": "#/components/responses/UnsupportedMediaType" },
                  "429": { "description": "Too many failed sign-ins for this account or address: wait and retry", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }
                }
              },
              "get": {
                "summary": "Live API tokens: the caller's own, or every account's for the office",
                "responses": {
                  "200": { "description": "Tokens (never the token itself)", "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Token" } } } } },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" }
                }
              }
            },
            "/tokens/{id}": {
              "delete": {
                "summary": "Revoke an API token: one's own, or any for the office (bearer token only)", "security": [{ "bearer": [] }],
                "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "string", "format": "uuid" }, "example": "00000000-0000-4000-8000-000000000000" }],
                "responses": {
                  "204": { "description": "Revoked" },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "404": { "description": "No such token, or not the caller's", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }
                }
              }
            },
            "/plans": {
              "get": {
                "summary": "Every stored plan, newest import first",
                "responses": {
                  "200": { "description": "Plans", "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/PlanSummary" } } } } },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" }
                }
              }
            },
            "/plan": {
              "get": {
                "summary": "The current plan: period, targets, documents, sections, forwardings (its tasks and units are left empty)",
                "responses": {
                  "200": { "description": "Plan", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/PlanWithCount" } } } },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "404": { "$ref": "#/components/responses/NotFound" }
                }
              }
            },
            "/units": {
              "get": {
                "summary": "Every unit of the current plan",
                "responses": {
                  "200": { "description": "Units", "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Unit" } } } } },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "404": { "$ref": "#/components/responses/NotFound" }
                }
              }
            },
            "/tasks": {
              "get": {
                "summary": "Tasks with computed status, filterable",
                "parameters": [
                  { "name": "lead", "in": "query", "schema": { "type": "string" }, "description": "lead unit code" },
                  { "name": "county", "in": "query", "schema": { "type": "string" }, "description": "county unit code (status from its viewpoint)" },
                  { "name": "unit", "in": "query", "schema": { "type": "string" }, "description": "any reporting unit code" },
                  { "name": "status", "in": "query", "schema": { "type": "string", "enum": ["", "done", "onTrack", "lagging", "overdue", "notReported"] }, "description": "status (from the county's or unit's viewpoint when given); empty: any" },
                  { "name": "due", "in": "query", "schema": { "$ref": "#/components/schemas/DateOrEmpty" }, "description": "deadline on or before; empty: any" },
                  { "name": "category", "in": "query", "schema": { "type": "string" } },
                  { "name": "origin", "in": "query", "schema": { "type": "string", "enum": ["", "text", "table", "forwarding"] }, "description": "empty: any" },
                  { "name": "q", "in": "query", "schema": { "type": "string" }, "description": "text in the code, category, key work, main task or measures" },
                  { "$ref": "#/components/parameters/asOf" }
                ],
                "responses": {
                  "200": { "description": "Tasks", "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Task" } } } } },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "404": { "$ref": "#/components/responses/NotFound" }
                }
              }
            },
            "/tasks/{code}": {
              "get": {
                "summary": "One task",
                "parameters": [{ "$ref": "#/components/parameters/taskCode" }, { "$ref": "#/components/parameters/asOf" }],
                "responses": {
                  "200": { "description": "Task", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Task" } } } },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "404": { "description": "No such task, or no plan is loaded", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }
                }
              }
            },
            "/tasks/{code}/reports": {
              "get": {
                "summary": "Every report on a task that the caller may read (drafts only for their own unit; others see the last submitted version)",
                "parameters": [{ "$ref": "#/components/parameters/taskCode" }, { "$ref": "#/components/parameters/asOf" }],
                "responses": {
                  "200": { "description": "Reports", "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Report" } } } } },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "404": { "description": "No such task, or no plan is loaded", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }
                }
              }
            },
            "/tasks/{code}/reports/{unit}/{month}": {
              "post": {
                "summary": "Take a workflow step on a unit's monthly report (bearer token only)", "security": [{ "bearer": [] }],
                "parameters": [
                  { "$ref": "#/components/parameters/taskCode" },
                  { "name": "unit", "in": "path", "required": true, "schema": { "type": "string" }, "description": "reporting unit code", "example": "zezhou" },
                  {
                    "name": "month", "in": "path", "required": true, "example": "2021-10",
                    "schema": { "type": "string", "pattern": "^([0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(0[1-9]|1[0-2])$" },
                    "description": "YYYY-MM, a month of the plan's reporting period (others: 422)"
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "type": "object",
                        "properties": {
                          "action": { "$ref": "#/components/schemas/ReportAction" },
                          "reportedStatus": { "anyOf": [{ "$ref": "#/components/schemas/ReportedStatus" }, { "type": "null" }], "description": "required for save and requestApproval, optional for approve, not for other steps; with it, narrative and values replace the report's content" },
                          "narrative": { "type": ["string", "null"] },
                          "values": { "type": ["object", "null"], "additionalProperties": { "type": "number", "minimum": 0 }, "description": "indicator code to value; only the task's indicators" },
                          "comment": { "type": ["string", "null"], "description": "required (non-blank) for reject and returnToUnit" }
                        },
                        "required": ["action"]
                      },
                      "example": { "action": "accept" }
                    }
                  }
                },
                "responses": {
                  "200": { "description": "The report after the step", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Report" } } } },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "description": "Not this user's unit or role, the step not allowed in the report's state, or a one-time password not yet replaced", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
                  "404": { "$ref": "#/components/responses/NotFound" },
                  "413": { "$ref": "#/components/responses/PayloadTooLarge" },
                  "415": { "$ref": "#/components/responses/UnsupportedMediaType" },
                  "422": { "description": "No such task or unit, a month outside the reporting period, a report not yet written, a missing reportedStatus or comment, content (reportedStatus, narrative, values) sent with a review step or narrative/values without reportedStatus, or values not of the task's indicators or negative", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }
                }
              }
            },
            "/air/stations": {
              "get": {
                "summary": "The station registry",
                "responses": {
                  "200": { "description": "Stations", "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Station" } } } } },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" }
                }
              }
            },
            "/air/days": {
              "get": {
                "summary": "Stored daily values (HJ 663) with each IAQI, AQI, category and primary pollutants (HJ 633); without station, the city series (mean of the national-control stations)",
                "parameters": [
                  { "name": "from", "in": "query", "required": true, "schema": { "type": "string", "format": "date" }, "example": "2022-01-01" },
                  { "name": "to", "in": "query", "required": true, "schema": { "type": "string", "format": "date" }, "description": "on or after from, at most 3660 days later (else 400)", "example": "2022-01-07" },
                  { "name": "station", "in": "query", "schema": { "type": "string" }, "description": "station code", "example": "2160A" }
                ],
                "responses": {
                  "200": { "description": "Days", "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Day" } } } } },
                  "400": { "description": "Bad dates, from after to, or a span over ten years", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" }
                }
              }
            },
            "/air/season": {
              "get": {
                "summary": "The plan's PM2.5 and heavy-day targets against the season so far, the remaining-days budget, and the previous season over the same dates",
                "parameters": [{ "name": "asOf", "in": "query", "schema": { "type": "string", "format": "date" }, "description": "last day counted (default: yesterday)" }],
                "responses": {
                  "200": { "description": "Target table", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/SeasonTargets" } } } },
                  "400": { "description": "Bad date, or no plan is loaded", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" }
                }
              }
            }
          }
        }
        """#
}
