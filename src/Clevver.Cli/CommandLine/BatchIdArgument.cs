using System.CommandLine;

namespace Clevver.Cli.CommandLine;

/// <summary>The <c>&lt;id&gt;</c> argument of the batches commands, parsed as a UUID.</summary>
internal static class BatchIdArgument
{
    public static Argument<Guid> Create() => new("id")
    {
        Description = "The batch id, a UUID as 'clevver batches create' prints it.",
        CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            if (Guid.TryParse(text, out var id))
            {
                return id;
            }

            result.AddError($"'{text}' is not a valid batch id. Pass the batch's UUID, for example 2f1c5e8a-3b7d-4c9e-a1f0-6d2b8e4c7a95.");
            return Guid.Empty;
        },
    };
}
