using Clevver.ContractDiff.Comparison;

namespace Clevver.ContractDiff.Tests;

/// <summary>
/// An edit of the real contract with the class and message the comparison must report for it. Most rows
/// edit only the current contract. A row whose rule needs something the contract lacks, such as a
/// nullable request field, first adds it to the baseline.
/// </summary>
internal sealed record ContractMutation(
    string Name,
    Func<string, string> EditCurrent,
    ChangeKind ExpectedKind,
    string ExpectedMessage,
    Func<string, string>? EditBaseline = null);

internal static class ContractMutations
{
    private const string StatusQueryParameter =
        """
            get:
              tags: [Batches]
              operationId: Batches_ListActive
              parameters:
                - name: status
                  in: query
                  required: false
                  schema:
                    type: string
                    enum: [created, processing, delivered]

        """;

    public static readonly IReadOnlyList<ContractMutation> All =
    [
        // Removals.
        new(
            "path removed",
            text => text.RemoveBetween("  /batches/{batchId}/start:\n", "  /batches/{batchId}/files:\n"),
            ChangeKind.Breaking,
            "/batches/{batchId}/start: path was removed"),
        new(
            "operation removed",
            text => text.RemoveBetween("    get:\n      tags: [Batches]\n      operationId: Batches_ListActive", "    post:\n"),
            ChangeKind.Breaking,
            "GET /batches: operation was removed"),
        new(
            "parameter removed",
            text => text,
            ChangeKind.Breaking,
            "GET /batches: parameter query status was removed",
            EditBaseline: AddStatusQueryParameter),
        new(
            "response status removed",
            text => text.ReplaceOnce("        '413':\n          $ref: '#/components/responses/PayloadTooLarge'\n", ""),
            ChangeKind.Breaking,
            "POST /batches/{batchId}/files: response 413 was removed"),
        new(
            "response property removed",
            text => text.WithoutAssetChecksum(),
            ChangeKind.Breaking,
            "POST /batches/{batchId}/files response 200: property data.checksum was removed (components/schemas/Asset)"),

        // Types and formats.
        new(
            "response property type changed",
            text => text.ReplaceOnce(
                "        progress:\n          type: number\n          format: double\n",
                "        progress:\n          type: string\n"),
            ChangeKind.Breaking,
            "GET /batches/{batchId} response 200: property data.progress changed type from number to string"),
        new(
            "response property format changed",
            text => text.ReplaceOnce(
                "        file_size:\n          type: integer\n          format: int64\n",
                "        file_size:\n          type: integer\n          format: int32\n"),
            ChangeKind.Breaking,
            "property data.file_size changed format from int64 to int32"),
        new(
            "parameter format changed",
            text => text.ReplaceOnce("        type: string\n        format: uuid\n  responses:", "        type: string\n  responses:"),
            ChangeKind.Breaking,
            "GET /batches/{batchId} parameter path batchId: schema changed format from uuid to none"),

        // New requirements on requests.
        new(
            "required request field added",
            text => text.ReplaceOnce(
                "              required: [file]\n              properties:\n",
                "              required: [file, label]\n              properties:\n                label:\n                  type: string\n"),
            ChangeKind.Breaking,
            "POST /batches/{batchId}/files request body: required property label was added"),
        new(
            "required parameter added",
            text => text.ReplaceOnce(
                "      operationId: Batches_Start\n",
                "      operationId: Batches_Start\n      parameters:\n        - name: priority\n          in: query\n          required: true\n          schema:\n            type: integer\n"),
            ChangeKind.Breaking,
            "POST /batches/{batchId}/start: required parameter query priority was added"),
        new(
            "parameter became required",
            text => AddStatusQueryParameter(text).ReplaceOnce("          required: false\n", "          required: true\n"),
            ChangeKind.Breaking,
            "GET /batches parameter query status: became required",
            EditBaseline: AddStatusQueryParameter),

        // Nullability.
        new(
            "response property became nullable",
            text => text.ReplaceOnce(
                "        progress:\n          type: number\n          format: double\n",
                "        progress:\n          type: number\n          format: double\n          nullable: true\n"),
            ChangeKind.Breaking,
            "GET /batches response 200: property data[].progress became nullable (components/schemas/Batch)"),
        new(
            "request field stops accepting null",
            text => text,
            ChangeKind.Breaking,
            "POST /batches/{batchId}/files request body: property file no longer accepts null",
            EditBaseline: text => text.ReplaceOnce(
                "                  format: binary\n",
                "                  format: binary\n                  nullable: true\n")),
        new(
            "parameter stops accepting null",
            text => AddStatusQueryParameter(text),
            ChangeKind.Breaking,
            "GET /batches parameter query status: schema no longer accepts null",
            EditBaseline: text => AddStatusQueryParameter(text).ReplaceOnce(
                "            type: string\n            enum:",
                "            type: string\n            nullable: true\n            enum:")),
        new(
            "response property no longer nullable",
            text => text.ReplaceOnce(
                "        txid:\n          type: string\n          nullable: true\n",
                "        txid:\n          type: string\n"),
            ChangeKind.NonBreaking,
            "property data.txid is no longer nullable"),

        // Enums, which break in opposite directions for requests and responses.
        new(
            "request enum value removed",
            text => AddStatusQueryParameter(text).ReplaceOnce(
                "            enum: [created, processing, delivered]\n",
                "            enum: [created, processing]\n"),
            ChangeKind.Breaking,
            "GET /batches parameter query status: schema lost enum value \"delivered\"",
            EditBaseline: AddStatusQueryParameter),
        new(
            "response enum value added",
            text => text.ReplaceOnce("enum: [created, processing, delivered]", "enum: [created, processing, delivered, failed]"),
            ChangeKind.Breaking,
            "GET /batches/{batchId} response 200: property data.status gained enum value \"failed\" (components/schemas/BatchStatus)"),
        new(
            "request enum value added",
            text => AddStatusQueryParameter(text).ReplaceOnce(
                "            enum: [created, processing, delivered]\n",
                "            enum: [created, processing, delivered, failed]\n"),
            ChangeKind.NonBreaking,
            "GET /batches parameter query status: schema gained enum value \"failed\"",
            EditBaseline: AddStatusQueryParameter),
        new(
            "response enum value removed",
            text => text.ReplaceOnce("enum: [created, processing, delivered]", "enum: [created, processing]"),
            ChangeKind.NonBreaking,
            "property data.status lost enum value \"delivered\""),

        // Required lists.
        new(
            "response property no longer required",
            text => text.ReplaceOnce("required: [id, status, progress, created_at]", "required: [id, status, created_at]"),
            ChangeKind.Breaking,
            "GET /batches/{batchId} response 200: property data.progress is no longer required (components/schemas/Batch)"),

        // Security.
        new(
            "security scheme changed",
            text => text.ReplaceOnce(
                "    bearerAuth:\n      type: http\n      scheme: bearer\n",
                "    bearerAuth:\n      type: apiKey\n      in: header\n      name: X-Api-Key\n"),
            ChangeKind.Breaking,
            "components/securitySchemes/bearerAuth: security scheme changed from http, scheme bearer to apikey, in header, name X-Api-Key"),
        new(
            "security requirement added",
            text => text.ReplaceOnce("security:\n  - bearerAuth: []\n", "security:\n  - bearerAuth: []\n    apiKey: []\n")
                .ReplaceOnce(
                    "  securitySchemes:\n",
                    "  securitySchemes:\n    apiKey:\n      type: apiKey\n      in: header\n      name: X-Api-Key\n"),
            ChangeKind.Breaking,
            "GET /batches: security requirement {apiKey and bearerAuth} was added"),
        new(
            "security required where none was",
            text => text,
            ChangeKind.Breaking,
            "GET /batches: now requires security {bearerAuth}",
            EditBaseline: text => text.ReplaceOnce(
                "      operationId: Batches_ListActive\n",
                "      operationId: Batches_ListActive\n      security: []\n")),

        // Renames.
        new(
            "operationId changed",
            text => text.ReplaceOnce("operationId: Batches_Get\n", "operationId: Batches_Fetch\n"),
            ChangeKind.Breaking,
            "GET /batches/{batchId}: operationId changed from Batches_Get to Batches_Fetch"),

        // Additions.
        new(
            "operation added",
            text => text.ReplaceOnce(
                "  /batches/{batchId}/start:\n",
                "    delete:\n      operationId: Batches_Delete\n      responses:\n        '204':\n          description: Deleted.\n  /batches/{batchId}/start:\n"),
            ChangeKind.NonBreaking,
            "DELETE /batches/{batchId}: operation was added"),
        new(
            "optional parameter added",
            text => AddStatusQueryParameter(text),
            ChangeKind.NonBreaking,
            "GET /batches: optional parameter query status was added"),
        new(
            "optional request field added",
            text => text.ReplaceOnce(
                "              required: [file]\n              properties:\n",
                "              required: [file]\n              properties:\n                label:\n                  type: string\n"),
            ChangeKind.NonBreaking,
            "POST /batches/{batchId}/files request body: optional property label was added"),
        new(
            "response property added",
            text => text.ReplaceOnce(
                "        message:\n          type: string\n          description: A human-readable outcome, sent by create and start only.\n",
                "        message:\n          type: string\n          description: A human-readable outcome, sent by create and start only.\n        eta:\n          type: integer\n"),
            ChangeKind.NonBreaking,
            "GET /batches/{batchId} response 200: property data.eta was added (components/schemas/Batch)"),
        new(
            "response status added",
            text => text.ReplaceOnce(
                "        '422':\n          $ref: '#/components/responses/UnprocessableEntity'\n        '429':\n          $ref: '#/components/responses/TooManyRequests'\n        '500':\n          $ref: '#/components/responses/ServerError'\n        '503':\n          $ref: '#/components/responses/ServiceUnavailable'\n  /batches/{batchId}:",
                "        '409':\n          $ref: '#/components/responses/UnprocessableEntity'\n        '422':\n          $ref: '#/components/responses/UnprocessableEntity'\n        '429':\n          $ref: '#/components/responses/TooManyRequests'\n        '500':\n          $ref: '#/components/responses/ServerError'\n        '503':\n          $ref: '#/components/responses/ServiceUnavailable'\n  /batches/{batchId}:"),
            ChangeKind.NonBreaking,
            "POST /batches: response 409 was added"),

        // Documentation.
        new(
            "operation description changed",
            text => text.ReplaceOnce(
                "description: Returns one batch with its status and progress.",
                "description: Returns one batch, its status and its progress."),
            ChangeKind.NonBreaking,
            "GET /batches/{batchId}: description changed"),
        new(
            "schema property description changed",
            text => text.ReplaceOnce(
                "SHA-256 of the file's bytes as 64 hexadecimal characters.",
                "SHA-256 of the file's content, in hexadecimal."),
            ChangeKind.NonBreaking,
            "components/schemas/Asset: property checksum changed its description"),
        new(
            "response example changed",
            text => text.ReplaceOnce("                      status: delivered\n", "                      status: processing\n"),
            ChangeKind.NonBreaking,
            "GET /batches/{batchId} response 200: example documented changed"),
        new(
            "schema example changed",
            text => text.ReplaceOnce("          example: '2023-11-01 13:53:12'\n", "          example: '2024-02-29 08:00:00'\n"),
            ChangeKind.NonBreaking,
            "components/schemas/Batch: property created_at changed its example"),
    ];

    public static TheoryData<string> Names => new(All.Select(mutation => mutation.Name));

    public static ContractMutation Find(string name) => All.Single(mutation => mutation.Name == name);

    private static string AddStatusQueryParameter(string text) =>
        text.ReplaceOnce(
            "    get:\n      tags: [Batches]\n      operationId: Batches_ListActive\n",
            StatusQueryParameter.Replace("\r\n", "\n", StringComparison.Ordinal));
}
