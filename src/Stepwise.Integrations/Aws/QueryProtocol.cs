using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Stepwise.Json;

namespace Stepwise.Integrations.Aws;

/// <summary>
/// The AWS query protocol (SNS): parameters flattened into a form body (<c>Attributes.entry.1.Name</c>,
/// <c>Tags.member.1.Key</c>), answers in XML. Without the service model, an object is a map when its member is one
/// of the map-typed names the query services use, a structure otherwise.
/// </summary>
internal static class QueryProtocol
{
    private static readonly HashSet<string> s_maps = new(StringComparer.Ordinal) { "MessageAttributes", "Attributes" };

    public static string Encode(string action, string version, JsonObject parameters)
    {
        var form = new StringBuilder();
        Append(form, "Action", action);
        Append(form, "Version", version);
        foreach (var (name, value) in parameters)
        {
            Flatten(form, name, name, value);
        }

        return form.ToString();
    }

    private static void Flatten(StringBuilder form, string member, string prefix, JsonValue value)
    {
        switch (value)
        {
            case JsonObject map when s_maps.Contains(member):
                int entry = 0;
                foreach (var (key, item) in map)
                {
                    string at = $"{prefix}.entry.{(++entry).ToString(CultureInfo.InvariantCulture)}";
                    Append(form, at + ".Name", key);
                    Flatten(form, "Value", at + ".Value", item);
                }

                break;
            case JsonObject structure:
                foreach (var (key, item) in structure)
                {
                    Flatten(form, key, prefix + "." + key, item);
                }

                break;
            case JsonArray list:
                for (int i = 0; i < list.Count; i++)
                {
                    Flatten(form, "member", $"{prefix}.member.{(i + 1).ToString(CultureInfo.InvariantCulture)}", list[i]);
                }

                break;
            case JsonString text:
                Append(form, prefix, text.Value);
                break;
            case { IsNull: true }:
                // An SDK leaves a null member out of the request.
                break;
            default:
                Append(form, prefix, value.ToJsonString());
                break;
        }
    }

    private static void Append(StringBuilder form, string name, string value)
    {
        if (form.Length > 0)
        {
            form.Append('&');
        }

        form.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
    }

    /// <summary>The <c>&lt;ActionResult&gt;</c> element of an answer as JSON (elements with children become objects, <c>member</c> lists arrays).</summary>
    public static JsonObject ParseResult(string action, string xml)
    {
        var document = XDocument.Parse(xml);
        XElement? result = null;
        foreach (var element in document.Root!.Elements())
        {
            if (element.Name.LocalName == action + "Result")
            {
                result = element;
            }
        }

        return result is null ? JsonObject.Empty : (JsonObject)ToJson(result, asObject: true);
    }

    private static JsonValue ToJson(XElement element, bool asObject)
    {
        bool hasChildren = false;
        bool allMembers = true;
        foreach (var child in element.Elements())
        {
            hasChildren = true;
            allMembers &= child.Name.LocalName == "member";
        }

        if (!hasChildren && !asObject)
        {
            return element.Value;
        }

        if (allMembers && hasChildren && !asObject)
        {
            var items = new List<JsonValue>();
            foreach (var child in element.Elements())
            {
                items.Add(ToJson(child, asObject: false));
            }

            return JsonArray.Create(items);
        }

        var builder = new JsonObjectBuilder();
        foreach (var child in element.Elements())
        {
            builder.Set(child.Name.LocalName, ToJson(child, asObject: false));
        }

        return builder.ToObject();
    }

    /// <summary>An error answer's code, message and request id (<c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Code&gt;…</c>).</summary>
    public static (string? Code, string? Message, string? RequestId) ParseError(string xml)
    {
        try
        {
            var root = XDocument.Parse(xml).Root!;
            string? code = null, message = null, requestId = null;
            foreach (var element in root.Descendants())
            {
                switch (element.Name.LocalName)
                {
                    case "Code":
                        code ??= element.Value;
                        break;
                    case "Message":
                        message ??= element.Value;
                        break;
                    case "RequestId":
                        requestId ??= element.Value;
                        break;
                }
            }

            return (code, message, requestId);
        }
        catch (System.Xml.XmlException)
        {
            return (null, null, null);
        }
    }

    /// <summary>
    /// The byte length of the answer AWS itself sends for <paramref name="result"/> (its layout, two-space indented), which
    /// the integration reports as Content-Length: a stand-in's own XML is laid out differently.
    /// </summary>
    public static int AwsLength(string action, string service, string version, JsonObject result, string requestId)
    {
        var xml = new StringBuilder();
        xml.Append('<').Append(action).Append("Response xmlns=\"http://").Append(service).Append(".amazonaws.com/doc/").Append(version).Append("/\">\n");
        xml.Append("  <").Append(action).Append("Result>\n");
        foreach (var (name, value) in result)
        {
            xml.Append("    <").Append(name).Append('>').Append(value is JsonString s ? s.Value : value.ToJsonString()).Append("</").Append(name).Append(">\n");
        }

        xml.Append("  </").Append(action).Append("Result>\n  <ResponseMetadata>\n    <RequestId>").Append(requestId)
            .Append("</RequestId>\n  </ResponseMetadata>\n</").Append(action).Append("Response>\n");
        return Encoding.UTF8.GetByteCount(xml.ToString());
    }
}
