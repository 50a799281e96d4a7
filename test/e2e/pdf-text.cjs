// Reads a PDF from stdin and prints its text, as a PDF reader extracts it (pdf-parse, on pdf.js).
// Run in a Node process of its own: pdf.js loads its worker by a dynamic import, which jest's
// module system does not allow.
const { PDFParse } = require('pdf-parse');

const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', async () => {
  const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
  try {
    process.stdout.write((await parser.getText()).text);
  } finally {
    await parser.destroy();
  }
});
