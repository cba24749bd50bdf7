/// The OpenAPI 3.1 description of `/api/v1`, served at `/api/v1/openapi.json`.
enum OpenAPIDocument {
    static let json = #"""
        {
          "openapi": "3.1.0",
          "info": {
            "title": "Lantian (蓝天) campaign API",
            "version": "1.0.0",
            "description": "Plans, tasks with computed status, indicators, units and monthly progress reports. Reads take a browser session or a bearer token; writes take a bearer token from POST /api/v1/tokens."
          },
          "servers": [{ "url": "/api/v1" }],
          "components": {
            "securitySchemes": {
              "bearer": { "type": "http", "scheme": "bearer" },
              "session": { "type": "apiKey", "in": "cookie", "name": "lantian-session" }
            },
            "schemas": {
              "Error": { "type": "object", "properties": { "error": { "type": "string" } }, "required": ["error"] },
              "TaskStatus": { "type": "string", "enum": ["done", "onTrack", "lagging", "overdue", "notReported"] },
              "ReportState": { "type": "string", "enum": ["draft", "pendingApproval", "submitted", "returned", "accepted"] },
              "ReportedStatus": { "type": "string", "enum": ["notStarted", "inProgress", "done"] },
              "ReportAction": { "type": "string", "enum": ["save", "requestApproval", "approve", "reject", "returnToUnit", "accept"] },
              "Indicator": {
                "type": "object",
                "properties": {
                  "code": { "type": "string" }, "name": { "type": "string" }, "unit": { "type": "string" },
                  "direction": { "type": "string", "enum": ["atLeast", "atMost"] },
                  "target": { "type": "number" }, "baseline": { "type": "number" },
                  "deadline": { "type": "string", "format": "date" }, "scope": { "type": "string" },
                  "breakdown": { "type": "array", "items": { "type": "object", "properties": { "label": { "type": "string" }, "target": { "type": "number" } } } }
                },
                "required": ["code", "name", "unit", "direction", "target"]
              },
              "Task": {
                "type": "object",
                "properties": {
                  "task": {
                    "type": "object",
                    "properties": {
                      "code": { "type": "string" }, "origin": { "type": "string", "enum": ["text", "table", "forwarding"] },
                      "section": { "type": "integer" }, "category": { "type": "string" }, "keyWork": { "type": "string" },
                      "mainTask": { "type": "string" }, "measures": { "type": "string" },
                      "deadline": { "type": "string", "format": "date" }, "deadlineText": { "type": "string" },
                      "lead": { "type": "array", "items": { "type": "string" } },
                      "cooperating": { "type": "array", "items": { "type": "string" } },
                      "responsible": { "type": "array", "items": { "type": "string" } },
                      "indicators": { "type": "array", "items": { "$ref": "#/components/schemas/Indicator" } }
                    }
                  },
                  "status": { "$ref": "#/components/schemas/TaskStatus" },
                  "statusText": { "type": "string" },
                  "explanation": { "type": "string" },
                  "elapsedShare": { "type": "number" },
                  "latestDueMonth": { "type": "string", "pattern": "^\\d{4}-\\d{2}$" },
                  "missingUnits": { "type": "array", "items": { "type": "string" } },
                  "indicators": {
                    "type": "array",
                    "items": { "type": "object", "properties": { "indicator": { "$ref": "#/components/schemas/Indicator" }, "current": { "type": "number" }, "progress": { "type": "number" } } }
                  }
                }
              },
              "Report": {
                "type": "object",
                "properties": {
                  "task": { "type": "string" }, "unit": { "type": "string" }, "month": { "type": "string" },
                  "state": { "$ref": "#/components/schemas/ReportState" },
                  "reportedStatus": { "$ref": "#/components/schemas/ReportedStatus" },
                  "narrative": { "type": "string" },
                  "values": { "type": "object", "additionalProperties": { "type": "number" } },
                  "revision": { "type": "integer" }, "firstSubmittedAt": { "type": "string", "format": "date-time" },
                  "late": { "type": "boolean" }, "comment": { "type": "string" },
                  "evidence": { "type": "array", "items": { "type": "object", "properties": { "id": { "type": "string" }, "fileName": { "type": "string" }, "size": { "type": "integer" }, "sha256": { "type": "string" } } } }
                }
              },
              "Unit": {
                "type": "object",
                "properties": {
                  "code": { "type": "string" }, "name": { "type": "string" },
                  "kind": { "type": "string", "enum": ["office", "department", "county", "countyBureau", "enterprise", "leadingGroup"] },
                  "parent": { "type": "string" }, "aliases": { "type": "array", "items": { "type": "string" } }
                }
              }
            }
          },
          "security": [{ "bearer": [] }, { "session": [] }],
          "paths": {
            "/tokens": {
              "post": {
                "summary": "Create an API token (valid 90 days)", "security": [],
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "properties": { "username": { "type": "string" }, "password": { "type": "string" }, "name": { "type": "string" } }, "required": ["username", "password"] } } } },
                "responses": {
                  "200": { "description": "The token, shown once", "content": { "application/json": { "schema": { "type": "object", "properties": { "token": { "type": "string" }, "expiresAt": { "type": "string", "format": "date-time" } } } } } },
                  "401": { "description": "Wrong credentials", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }
                }
              }
            },
            "/plans": { "get": { "summary": "Every stored plan", "responses": { "200": { "description": "Plans", "content": { "application/json": { "schema": { "type": "array", "items": { "type": "object" } } } } } } } },
            "/plan": { "get": { "summary": "The current plan: period, targets, documents, sections, forwardings", "responses": { "200": { "description": "Plan", "content": { "application/json": { "schema": { "type": "object" } } } } } } },
            "/units": { "get": { "summary": "Every unit", "responses": { "200": { "description": "Units", "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Unit" } } } } } } } },
            "/tasks": {
              "get": {
                "summary": "Tasks with computed status, filterable",
                "parameters": [
                  { "name": "lead", "in": "query", "schema": { "type": "string" }, "description": "lead unit code" },
                  { "name": "county", "in": "query", "schema": { "type": "string" }, "description": "county unit code (status from its viewpoint)" },
                  { "name": "unit", "in": "query", "schema": { "type": "string" }, "description": "any reporting unit code" },
                  { "name": "status", "in": "query", "schema": { "$ref": "#/components/schemas/TaskStatus" } },
                  { "name": "due", "in": "query", "schema": { "type": "string", "format": "date" }, "description": "deadline on or before" },
                  { "name": "category", "in": "query", "schema": { "type": "string" } },
                  { "name": "origin", "in": "query", "schema": { "type": "string", "enum": ["text", "table", "forwarding"] } },
                  { "name": "q", "in": "query", "schema": { "type": "string" } }
                ],
                "responses": { "200": { "description": "Tasks", "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Task" } } } } } }
              }
            },
            "/tasks/{code}": {
              "get": {
                "summary": "One task", "parameters": [{ "name": "code", "in": "path", "required": true, "schema": { "type": "string" } }],
                "responses": { "200": { "description": "Task", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Task" } } } }, "404": { "description": "No such task" } }
              }
            },
            "/tasks/{code}/reports": {
              "get": {
                "summary": "Every report on a task", "parameters": [{ "name": "code", "in": "path", "required": true, "schema": { "type": "string" } }],
                "responses": { "200": { "description": "Reports", "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Report" } } } } } }
              }
            },
            "/air/stations": { "get": { "summary": "The station registry: code, name, kind (nationalControl, cleanReference, provincial, township, enterprise), county, coordinates", "responses": { "200": { "description": "Stations", "content": { "application/json": { "schema": { "type": "array", "items": { "type": "object" } } } } } } } },
            "/air/days": {
              "get": {
                "summary": "Stored daily values (HJ 663) with each IAQI, AQI, category and primary pollutants (HJ 633); without station, the city series (mean of the national-control stations)",
                "parameters": [
                  { "name": "from", "in": "query", "required": true, "schema": { "type": "string", "format": "date" } },
                  { "name": "to", "in": "query", "required": true, "schema": { "type": "string", "format": "date" } },
                  { "name": "station", "in": "query", "schema": { "type": "string" }, "description": "station code" }
                ],
                "responses": { "200": { "description": "Days", "content": { "application/json": { "schema": { "type": "array", "items": { "type": "object", "properties": { "station": { "type": "string" }, "date": { "type": "string", "format": "date" }, "means": { "type": "object", "additionalProperties": { "type": "number" } }, "o3Max1h": { "type": "number" }, "o3Max8h": { "type": "number" }, "iaqis": { "type": "object", "additionalProperties": { "type": "integer" } }, "aqi": { "type": "integer" }, "category": { "type": "string" }, "primary": { "type": "array", "items": { "type": "string" } } } } } } } }, "400": { "description": "Bad dates", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } } }
              }
            },
            "/air/season": {
              "get": {
                "summary": "The plan's PM2.5 and heavy-day targets against the season so far, the remaining-days budget, and the previous season over the same dates",
                "parameters": [{ "name": "asOf", "in": "query", "schema": { "type": "string", "format": "date" }, "description": "last day counted (default: yesterday)" }],
                "responses": { "200": { "description": "Target table", "content": { "application/json": { "schema": { "type": "object" } } } }, "400": { "description": "Bad date", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } } }
              }
            },
            "/tasks/{code}/reports/{unit}/{month}": {
              "post": {
                "summary": "Take a workflow step on a unit's monthly report (bearer token only)", "security": [{ "bearer": [] }],
                "parameters": [
                  { "name": "code", "in": "path", "required": true, "schema": { "type": "string" } },
                  { "name": "unit", "in": "path", "required": true, "schema": { "type": "string" } },
                  { "name": "month", "in": "path", "required": true, "schema": { "type": "string", "pattern": "^\\d{4}-\\d{2}$" } }
                ],
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "properties": { "action": { "$ref": "#/components/schemas/ReportAction" }, "reportedStatus": { "$ref": "#/components/schemas/ReportedStatus" }, "narrative": { "type": "string" }, "values": { "type": "object", "additionalProperties": { "type": "number" } }, "comment": { "type": "string" } }, "required": ["action"] } } } },
                "responses": {
                  "200": { "description": "The report after the step", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Report" } } } },
                  "403": { "description": "Not this user's unit or role", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
                  "422": { "description": "Not allowed in the report's state, or bad content", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }
                }
              }
            }
          }
        }
        """#
}
