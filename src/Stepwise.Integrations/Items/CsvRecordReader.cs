using System.Text;

namespace Stepwise.Integrations.Items;

/// <summary>
/// Reads RFC 4180 records one at a time: fields split on the delimiter, double quotes around a field allow the
/// delimiter, line breaks and <c>""</c> (a literal quote) inside it; records end at LF, CRLF or CR. Empty lines are
/// skipped, as the Java CSV readers AWS's service runs on skip them.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader, char delimiter)
{
    private readonly char[] _buffer = new char[1 << 14];
    private readonly StringBuilder _field = new();
    private int _position;
    private int _length;

    /// <summary>The 1-based number of the last record read, for error messages.</summary>
    public long Record { get; private set; }

    /// <summary>Reads the next record's fields into <paramref name="fields"/>; false at the end of the file.</summary>
    /// <exception cref="ItemReaderFailedException">A quoted field is not closed before the end of the file.</exception>
    public async ValueTask<bool> ReadAsync(List<string> fields, CancellationToken cancellationToken)
    {
        fields.Clear();
        _field.Clear();
        bool inQuotes = false;
        bool fieldQuoted = false;
        while (true)
        {
            if (_position == _length && !await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                if (inQuotes)
                {
                    throw new ItemReaderFailedException($"Record {Record + 1} of the CSV file has a quoted field that is never closed.");
                }

                if (fields.Count == 0 && _field.Length == 0 && !fieldQuoted)
                {
                    return false;
                }

                fields.Add(_field.ToString());
                Record++;
                return true;
            }

            char c = _buffer[_position++];
            if (inQuotes)
            {
                if (c != '"')
                {
                    _field.Append(c);
                }
                else if ((_position < _length || await FillAsync(cancellationToken).ConfigureAwait(false)) && _buffer[_position] == '"')
                {
                    _field.Append('"');
                    _position++;
                }
                else
                {
                    inQuotes = false;
                }
            }
            else if (c == delimiter)
            {
                fields.Add(_field.ToString());
                _field.Clear();
                fieldQuoted = false;
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && (_position < _length || await FillAsync(cancellationToken).ConfigureAwait(false)) && _buffer[_position] == '\n')
                {
                    _position++;
                }

                if (fields.Count == 0 && _field.Length == 0 && !fieldQuoted)
                {
                    continue;
                }

                fields.Add(_field.ToString());
                Record++;
                return true;
            }
            else if (c == '"' && _field.Length == 0 && !fieldQuoted)
            {
                inQuotes = true;
                fieldQuoted = true;
            }
            else
            {
                _field.Append(c);
            }
        }
    }

    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        _length = await reader.ReadAsync(_buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
        _position = 0;
        return _length > 0;
    }
}
