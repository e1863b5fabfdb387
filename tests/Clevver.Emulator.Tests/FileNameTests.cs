using System.Net;
using System.Text.Json;
using Clevver.Emulator.Uploads;

namespace Clevver.Emulator.Tests;

public sealed class FileNameTests
{
    public static TheoryData<string> OddNames => new()
    {
        "my photo.png",
        "quote\"d.txt",
        "semi;colon.txt",
        "naïve résumé.pdf",
        "日本語のファイル.txt",
        "emoji 😀🎉.png",
        "back\\slash.txt",
        "slash/name.txt",
        "../../escape.txt",
        "..",
        ".hidden",
        "'single' quotes.txt",
        "percent %20 literal.txt",
        "CON.txt",
        "trailing dot.",
        "tab\tname.txt",
        new string('x', 300) + ".txt",
    };

    [Theory]
    [MemberData(nameof(OddNames))]
    public async Task FileNameStar_RoundTripsName(string fileName)
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        Guid batchId = await emulator.CreateBatchAsync();

        JsonElement asset = await emulator.UploadAssetAsync(batchId, [1, 2, 3], fileName);

        Guid assetId = asset.GetProperty("id").GetGuid();
        Assert.Equal(fileName, asset.GetProperty("name").GetString());
        Assert.Equal($"/uploads/digital_asset/file/{assetId}/{Uri.EscapeDataString(fileName)}", asset.GetProperty("file").GetProperty("url").GetString());
    }

    [Theory]
    [MemberData(nameof(OddNames))]
    public async Task FileNameStar_StoresInsideAssetFolder(string fileName)
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        Guid batchId = await emulator.CreateBatchAsync();

        JsonElement asset = await emulator.UploadAssetAsync(batchId, [1, 2, 3], fileName);

        string assetFolder = Path.Combine(emulator.Host.DataDirectory, batchId.ToString(), asset.GetProperty("id").GetString()!);
        string storedFile = Assert.Single(Directory.GetFiles(assetFolder));
        Assert.Equal([1, 2, 3], await File.ReadAllBytesAsync(storedFile));
        Assert.Single(emulator.ListUploadedFiles());
    }

    [Theory]
    [InlineData("filename=\"plain.txt\"", "plain.txt")]
    [InlineData("filename=plain.txt", "plain.txt")]
    [InlineData("filename=\"with space; and semicolon.txt\"", "with space; and semicolon.txt")]
    [InlineData("filename=\"escaped \\\"quote\\\".txt\"", "escaped \"quote\".txt")]
    [InlineData("filename=\"fallback.txt\"; filename*=UTF-8''preferred%20%C3%A9.txt", "preferred é.txt")]
    [InlineData("filename=\"=?utf-8?B?w6l0w6kudHh0?=\"", "été.txt")]
    public async Task FileName_Parameter_ParsedExactly(string fileNameParameters, string expected)
    {
        await using TestEmulator emulator = await TestEmulator.StartAsync();
        Guid batchId = await emulator.CreateBatchAsync();

        using HttpResponseMessage response = await emulator.PostMultipartAsync(batchId, $"form-data; name=\"file\"; {fileNameParameters}", [1]);
        JsonElement body = await TestEmulator.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, body.GetProperty("data").GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("my photo.png", "my_photo.png")]
    [InlineData("../../escape.txt", ".._.._escape.txt")]
    [InlineData("..", "file")]
    [InlineData("...", "file")]
    [InlineData("", "file")]
    [InlineData("a/b\\c", "a_b_c")]
    [InlineData("CON.txt", "_CON.txt")]
    [InlineData("nul", "_nul")]
    [InlineData("trailing.", "trailing")]
    [InlineData("naïve.txt", "na_ve.txt")]
    public void ToDiskName_ReplacesUnsafeCharacters(string clientFileName, string expected)
    {
        string diskName = UploadFileNames.ToDiskName(clientFileName);

        Assert.Equal(expected, diskName);
    }

    [Fact]
    public void ToDiskName_LongName_Truncated()
    {
        string diskName = UploadFileNames.ToDiskName(new string('x', 500));

        Assert.Equal(100, diskName.Length);
    }
}
